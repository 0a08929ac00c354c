/**
 * The one thing that differs between the two device hosts: how the service's process is launched and
 * talked to. Each implementation turns its kind of child (Node `ChildProcess`, Electron `UtilityProcess`)
 * into a `ServiceProcess`; everything else is the supervisor's.
 */
import type { DeviceHostMessage } from '@till/shared/devices/protocol';

/** A launched service process. */
export interface ServiceProcess {
  /** Sends one message to the service (dropped if it is already gone). */
  send(message: DeviceHostMessage): void;
  /** Ends the process at once (SIGKILL where there is one): used when it hangs or will not shut down. */
  kill(): void;
}

/** What the launcher reports back about a process it launched. */
export interface ServiceProcessListeners {
  /** A message from the service, not yet validated. */
  onMessage(message: unknown): void;
  /** The process ended, or could not be started; called at most once per process. */
  onExit(detail: string): void;
}

/** Launches one service process. */
export type LaunchService = (listeners: ServiceProcessListeners) => ServiceProcess;
