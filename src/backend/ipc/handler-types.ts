/** The types every area's handlers are written against (see handlers.ts for the merged map). */
import type { IpcChannel, IpcParsedRequest, IpcResponse, IpcResult } from '@till/shared/ipc/contract';

/** A handler receives a payload already validated against its channel's schema. */
export type IpcHandler<C extends IpcChannel> = (
  request: IpcParsedRequest<C>,
) => IpcResult<IpcResponse<C>> | Promise<IpcResult<IpcResponse<C>>>;

/** One handler per channel; the type checker flags a channel without one. */
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

/** The handlers of one area: the channels whose names start with `<area>:`. */
export type AreaHandlers<A extends string> = {
  [C in Extract<IpcChannel, `${A}:${string}`>]: IpcHandler<C>;
};
