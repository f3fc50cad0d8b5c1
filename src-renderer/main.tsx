/** Renderer entry: mounts the React app. The renderer talks to main only through window.herald.invoke. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/app.scss';

const root = document.getElementById('root');
if (!root) throw new Error('Herald: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
