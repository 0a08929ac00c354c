/**
 * The demo enrollment a process is started with: `TILL_HUB_URL` and `TILL_ENROLL_CODE`, both set, make a
 * fresh register enroll itself (`npm start` sets them for its demo hub). Read by Electron main and by the
 * browser-mode host alike.
 */
import { hubUrlSchema } from '@till/shared/ipc/channels/register';
import type { DemoEnrollment } from './register-handlers';

/** The demo enrollment of `env`, null when either variable is unset; throws with a clear message when bad. */
export function demoEnrollmentFromEnv(env: NodeJS.ProcessEnv): DemoEnrollment | null {
  const hubUrl = env.TILL_HUB_URL?.trim();
  const code = env.TILL_ENROLL_CODE?.trim();
  if (!hubUrl || !code) return null;
  if (!hubUrlSchema.safeParse(hubUrl).success) {
    throw new Error(`TILL_HUB_URL must be an http:// or https:// URL, got ${JSON.stringify(hubUrl)}.`);
  }
  return { hubUrl, code };
}
