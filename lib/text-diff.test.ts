import { describe, expect, it } from 'vitest';
import { diffWords } from './text-diff';

describe('revision diffs', () => {
  it('shows which words were removed and added', () => {
    expect(diffWords('The harbour wall held.', 'The old harbour wall gave way.')).toEqual([
      { kind: 'same', text: 'The ' },
      { kind: 'added', text: 'old ' },
      { kind: 'same', text: 'harbour wall ' },
      { kind: 'removed', text: 'held.' },
      { kind: 'added', text: 'gave way.' },
    ]);
  });

  it('reports identical texts as unchanged', () => {
    expect(diffWords('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });

  it('keeps a rewritten sentence together rather than word by word', () => {
    expect(diffWords('Good first draft.', 'Regrettable rewrite.')).toEqual([
      { kind: 'removed', text: 'Good first draft.' },
      { kind: 'added', text: 'Regrettable rewrite.' },
    ]);
  });
});
