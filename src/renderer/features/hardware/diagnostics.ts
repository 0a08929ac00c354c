/**
 * "Export diagnostics" on the Hardware screen: the register process builds the report (versions, the
 * configuration, device states, recent errors and scans — no secrets) and the page saves it as a file.
 */
import { fetchDiagnostics } from './queries';

/** Asks for the report and starts its download; answers the file name. */
export async function exportDiagnostics(): Promise<string> {
  const { fileName, json } = await fetchDiagnostics();
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL may go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
