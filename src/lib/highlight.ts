// Syntax highlighting with Shiki, made safe for a strict Content Security Policy: Shiki
// writes colours into style="" attributes, which the CSP forbids, so a transformer turns
// every token colour into a class (`tok-keyword`, …) coloured by src/styles/code.css.
import { codeToHtml, createCssVariablesTheme, type ShikiTransformer } from 'shiki';

const theme = createCssVariablesTheme({ name: 'site', variablePrefix: '--shiki-' });

const styleToClass: ShikiTransformer = {
  name: 'style-to-class',
  pre(node) {
    delete node.properties['style'];
    node.properties['tabindex'] = '0';
  },
  span(node) {
    const style = String(node.properties['style'] ?? '');
    delete node.properties['style'];
    const token = /var\(--shiki-(?:token-)?([a-z-]+)\)/.exec(style)?.[1];
    if (token && token !== 'foreground') this.addClassToHast(node, `tok-${token}`);
  },
};

/** Highlighted HTML for `code` in `lang` (no inline styles). */
export function highlight(
  code: string,
  lang: 'html' | 'bibtex' | 'text' | 'markdown',
): Promise<string> {
  return codeToHtml(code, { lang, theme, transformers: [styleToClass] });
}
