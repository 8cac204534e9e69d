// The Web Worker entry: runs the analysis engine off the main thread (see handler.ts for the protocol).
import { createHandler } from './handler';
import type { Request } from './protocol';

const handle = createHandler((r, transfer) => (self as unknown as Worker).postMessage(r, transfer ?? []));
self.onmessage = (e: MessageEvent<Request>) => handle(e.data);
