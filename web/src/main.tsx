// The portal's entry: Mantine (with this response's CSP nonce for its <style> tags), React Query,
// the router and the session.
import '@mantine/core/styles.css';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { App } from './App';
import { SessionProvider } from './auth/session';

const nonce = document.querySelector<HTMLMetaElement>('meta[name="roster-style-nonce"]')?.content ?? '';
// Modals lock scrolling with react-remove-scroll, whose <style> tags take their nonce from this
// global (get-nonce); without it the strict CSP blocks them.
(globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;

const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 for filled buttons and links: white on indigo.6 is below WCAG AA's 4.5:1.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  // Black or white text on filled colours, whichever reads (a yellow badge gets black text).
  autoContrast: true,
  // No animations for people who ask for none (and for the browser tests, which ask too).
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

/** Dimmed text one shade darker than Mantine's default (gray.6 fails 4.5:1 on white and gray.0). */
const resolver: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' }, dark: {} });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal or a missing object does not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" getStyleNonce={() => nonce} cssVariablesResolver={resolver}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
