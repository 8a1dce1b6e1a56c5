/** The studio's entry: languages, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { setupI18n, storedLang } from './i18n/index.ts';
import './styles.css';

setupI18n(storedLang());
document.documentElement.lang = storedLang();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
