// Copying that always works. Where the browser has no Clipboard API (a page served over plain
// HTTP from a host that is not localhost is no secure context) or refuses it (permission
// denied), the text is put in a visible read-only field beside the button, selected, with a
// line that says how to copy it (Ctrl+C / ⌘C): the reader copies it in one keystroke, and no
// error message is the only result. Loaded with the copy buttons' code, never on open.

/** Copies `text`; true when the clipboard took it, otherwise shows it selected after `after`. */
export async function copyText(text: string, after: Element, hint: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    select(text, after, hint);
    return false;
  }
}

/** The field after `after` (one per place, reused), holding `text`, focused and selected. */
function select(text: string, after: Element, hint: string): void {
  let box = after.nextElementSibling;
  if (!box?.matches('.copy-field')) {
    box = document.createElement('label');
    box.className = 'copy-field';
    box.append(document.createElement('span'));
    after.after(box);
  }
  const multiline = text.includes('\n');
  let field = box.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  if (!field || field instanceof HTMLTextAreaElement !== multiline) {
    field?.remove();
    field = document.createElement(multiline ? 'textarea' : 'input');
    field.readOnly = true;
    field.spellcheck = false;
    box.append(field);
  }
  if (field instanceof HTMLTextAreaElement) field.rows = Math.min(text.split('\n').length, 12);
  (box.firstElementChild as HTMLElement).textContent = hint;
  field.value = text;
  field.focus();
  field.select();
}
