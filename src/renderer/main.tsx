/**
 * Renderer entry: makes sure `window.till` exists (Electron's preload provides it; in browser mode it is
 * installed here from the token in the URL), then renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { installTill } from './lib/till';
import './app/styles.css';

installTill();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
