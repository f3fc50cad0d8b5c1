/** The phrase index: lists with the same phrases share their hits, and each list still answers for itself. */
import { describe, expect, it } from 'vitest';
import { PhraseIndex } from './phrase-index';
import { createTextView } from './text-view';

describe('phrase index', () => {
  it('records a phrase once for lists that share it, and answers for every key', () => {
    const index = new PhraseIndex();
    index.addShared('a', ['was sentenced', 'was fined']);
    index.addShared('b', ['was fined', 'was sentenced']); // same phrases, another order: shares list a
    index.addShared('c', ['was fined']);
    const hits = index.scan(createTextView('He was fined £200 and was sentenced to 80 hours.'));
    const get = (key: string) => hits.get(index.resolve(key))?.map((h) => [h.start, h.end]);
    expect(index.resolve('b')).toBe('a');
    expect(get('a')).toEqual([[3, 12], [22, 35]]);
    expect(get('b')).toEqual(get('a'));
    expect(get('c')).toEqual([[3, 12]]);
  });

  it('keeps case-sensitive and plain lists with the same phrases apart', () => {
    const index = new PhraseIndex();
    index.addShared('plain', ['secret']);
    index.addShared('marked', ['SECRET'], true);
    const hits = index.scan(createTextView('It is no secret.'));
    expect(hits.get(index.resolve('plain'))?.length).toBe(1);
    expect(hits.get(index.resolve('marked'))).toBeUndefined();
  });
});
