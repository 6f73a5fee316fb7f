// Text from a run record that a fix plan shows in its comment block: a target wrote some of it, so it is made inert there.

/** One line of printable ASCII that cannot end or open a PowerShell block comment. */
export function commentText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/#>/g, '# >')
    .replace(/<#/g, '< #')
    .trim();
}

/** `text` wrapped at `width` columns, each line starting with `indent`; a word longer than the width keeps its own line. */
export function wrapText(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of commentText(text).split(' ').filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** A host name as it may appear in a file name. */
export function fileSafeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'host';
}
