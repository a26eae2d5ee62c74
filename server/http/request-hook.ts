import http from 'node:http';

/**
 * What a hook does with a request before Next sees it: adjust it and let it go on (false), or
 * answer it itself (true).
 */
export type RequestHook = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/**
 * Runs `hook` on every request of every HTTP server in this process, before the server's own
 * listener (Next's), by wrapping http.Server's emit once per name. It exists because Next gives
 * neither the proxy nor route handlers the socket, nor the methods its fetch Request refuses.
 * Returns whether a hook of that name was already installed.
 */
export function onEveryRequest(name: string, hook: RequestHook): boolean {
  const key = Symbol.for(`broadsheet.request-hook.${name}`);
  const proto = http.Server.prototype as http.Server & Record<symbol, boolean | undefined>;
  if (proto[key]) return true;
  proto[key] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' && hook(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)) return true;
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
  return false;
}

/** Whether the hook of that name is installed in this process. */
export const requestHookInstalled = (name: string) => Boolean((http.Server.prototype as unknown as Record<symbol, boolean | undefined>)[Symbol.for(`broadsheet.request-hook.${name}`)]);
