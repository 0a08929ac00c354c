/**
 * Decides whether an IPC message comes from the register's own page: the main frame of one of our windows,
 * showing a document from our own app origin. Anything else (an iframe, a page that navigated elsewhere,
 * another webContents) is refused before its payload is even looked at.
 */

/** What is known about the frame that sent a message. */
export interface SenderFacts {
  /** `event.sender.id`: the webContents that sent the message. */
  webContentsId: number;
  /** `event.senderFrame?.url`, or undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** Whether the sending frame is its page's top frame (`senderFrame.parent === null`). */
  isMainFrame: boolean;
}

/** What we trust. */
export interface TrustedOrigin {
  /** The webContents ids of our own windows. */
  webContentsIds: ReadonlySet<number>;
  /** Our page's scheme, with the colon, e.g. `till:`. */
  protocol: string;
  /** Our page's host, e.g. `register`. */
  host: string;
}

/** Whether a message with these facts may reach a handler. */
export function isTrustedSender(facts: SenderFacts, trusted: TrustedOrigin): boolean {
  if (!facts.isMainFrame || !trusted.webContentsIds.has(facts.webContentsId) || !facts.frameUrl) return false;
  let url: URL;
  try {
    url = new URL(facts.frameUrl);
  } catch {
    return false;
  }
  // Compare scheme and host rather than `origin`: a custom scheme's origin is "null" to WHATWG URL.
  return url.protocol === trusted.protocol && url.host === trusted.host;
}
