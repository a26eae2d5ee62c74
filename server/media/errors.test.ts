import { describe, expect, it } from 'vitest';
import { UnreadableImageError } from './image-processing';
import { MediaStoreUnavailableError } from './storage';

// Next evaluates server modules once per bundle, so an error thrown by the process's one media
// store can come from another copy of its class. The upload route must still know it, or an
// editor gets a 500 instead of "the image store is not answering" (seen in the e2e run).

class OtherCopyOfStoreError extends Error {
  constructor() {
    super('The media store could not write x.jpg: connect ECONNREFUSED');
    this.name = 'MediaStoreUnavailableError';
  }
}

describe('media errors across bundles', () => {
  it('knows a store error made by another copy of the class', () => {
    expect(new OtherCopyOfStoreError()).toBeInstanceOf(MediaStoreUnavailableError);
    expect(new MediaStoreUnavailableError('write x.jpg', new Error('down'))).toBeInstanceOf(MediaStoreUnavailableError);
    expect(new Error('something else')).not.toBeInstanceOf(MediaStoreUnavailableError);
  });

  it('knows an unreadable image the same way', () => {
    const copy = Object.assign(new Error('That image has no size.'), { name: 'UnreadableImageError' });
    expect(copy).toBeInstanceOf(UnreadableImageError);
    expect(new UnreadableImageError('x')).toBeInstanceOf(UnreadableImageError);
    expect(new OtherCopyOfStoreError()).not.toBeInstanceOf(UnreadableImageError);
  });
});
