// A word-level diff between two texts, for the revision list: which words went, which came.
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Longest-common-subsequence diff; texts longer than the limit are compared line by line. */
export function diffWords(before: string, after: string, limit = 4000): DiffPart[] {
  let a = tokens(before);
  let b = tokens(after);
  if (a.length * b.length > limit * limit) {
    a = before.split(/(?<=\n)/);
    b = after.split(/(?<=\n)/);
  }
  // Trim the common start and end first: most revisions change a small part.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else if (text) parts.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  if (n * m > 25_000_000) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i]![j] = midA[i] === midB[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push('same', midA[i]!);
        i++;
        j++;
      } else if (table[i + 1]![j]! >= table[i]![j + 1]!) push('removed', midA[i++]!);
      else push('added', midB[j++]!);
    }
    while (i < n) push('removed', midA[i++]!);
    while (j < m) push('added', midB[j++]!);
  }
  push('same', a.slice(endA).join(''));
  return mergeAcrossSpaces(parts);
}

/** "Good first" → "Bad" reads better as one removal and one addition than word by word around shared spaces. */
function mergeAcrossSpaces(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.kind === 'same') {
      out.push(parts[i]!);
      i++;
      continue;
    }
    let removed = '';
    let added = '';
    while (i < parts.length) {
      const p = parts[i]!;
      if (p.kind === 'removed') removed += p.text;
      else if (p.kind === 'added') added += p.text;
      else if (/^\s+$/.test(p.text) && i + 1 < parts.length && parts[i + 1]!.kind !== 'same') {
        removed += p.text;
        added += p.text;
      } else break;
      i++;
    }
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
  }
  return out;
}
