/**
 * Renderer entry: makes sure `window.till` exists (Electron's preload provides it; in browser mode it is
 * installed here from the token in the URL), then renders the app, or the customer display for `#display`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { CustomerDisplayScreen } from './features/customer-display/customer-display-screen';
import { isDisplayHash } from './features/customer-display/display-route';
import { installTill } from './lib/till';
import './app/styles.css';

installTill();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// `#display` is the customer display (a second window or page): it never opens the replica.
const isDisplay = isDisplayHash(window.location.hash);
if (isDisplay) document.title = 'Till — customer display';
createRoot(root).render(<StrictMode>{isDisplay ? <CustomerDisplayScreen /> : <App />}</StrictMode>);
