// <theme-switch>: enhances the server-rendered <select>; the head script has already
// applied the stored choice, this only keeps the select and storage in step.
const KEY = 'theme';
type Theme = 'system' | 'light' | 'dark';

function stored(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

class ThemeSwitch extends HTMLElement {
  connectedCallback(): void {
    const select = this.querySelector('select');
    if (!select) return;
    select.value = stored();
    select.addEventListener('change', () => {
      const theme = select.value as Theme;
      const root = document.documentElement;
      if (theme === 'system') delete root.dataset['theme'];
      else root.dataset['theme'] = theme;
      try {
        if (theme === 'system') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, theme);
      } catch {
        // Storage blocked: the choice holds for this page view only.
      }
    });
  }
}

customElements.define('theme-switch', ThemeSwitch);
