/**
 * Makes one `HelpdeskHost` available to the component tree. Like the Zendesk scaffold's
 * ClientProvider, it renders nothing until the host is connected, so no component ever races the
 * helpdesk's handshake, and `useHost()` fails loudly when used outside it.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { HelpdeskHost } from './helpdeskHost.js';

const HostContext = createContext<HelpdeskHost | null>(null);

interface HelpdeskHostProviderProps {
  /** Connects to the helpdesk once; resolves when it has answered the handshake. */
  connect: () => Promise<HelpdeskHost>;
  /** Shown instead of the app when the connection fails (e.g. opened outside the helpdesk). */
  fallback?: (error: Error) => ReactNode;
  children: ReactNode;
}

export function HelpdeskHostProvider({ connect, fallback, children }: HelpdeskHostProviderProps) {
  const [host, setHost] = useState<HelpdeskHost | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    let live = true;
    connect().then(
      (connected) => live && setHost(connected),
      (reason: unknown) =>
        live && setError(reason instanceof Error ? reason : new Error(String(reason))),
    );
    return () => {
      live = false;
    };
  }, [connect]);

  if (error) return fallback ? <>{fallback(error)}</> : null;
  if (!host) return null;
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

export function useHost(): HelpdeskHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() must be used inside <HelpdeskHostProvider>');
  return host;
}
