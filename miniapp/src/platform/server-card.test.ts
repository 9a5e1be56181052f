import { INLINED_CARD_ID, SERVER_CARD_ID } from '@mqlk/shared';

import { dropServerCard, takeServerCard } from './server-card.h5';

const page = (json: string) => {
  document.body.innerHTML = `<div id="app"><main id="${SERVER_CARD_ID}">张建国</main></div><script type="application/json" id="${INLINED_CARD_ID}">${json}</script>`;
};

describe('the card the server put in the page (H5 /c/<code>)', () => {
  it('is taken once, for its own code only', () => {
    page(
      JSON.stringify({
        code: 'AbC',
        error: { code: 'CARD_REVOKED', message: '已停用', status: 410 },
      }),
    );
    expect(takeServerCard('Other')).toBeNull();
    page(
      JSON.stringify({
        code: 'AbC',
        error: { code: 'CARD_REVOKED', message: '已停用', status: 410 },
      }),
    );
    expect(takeServerCard('AbC')).toEqual({
      code: 'AbC',
      error: { code: 'CARD_REVOKED', message: '已停用', status: 410 },
    });
    expect(takeServerCard('AbC')).toBeNull();
  });

  it('ignores a block it cannot read, and the drawn card goes when asked', () => {
    page('{not json');
    expect(takeServerCard('AbC')).toBeNull();
    expect(document.getElementById(SERVER_CARD_ID)).not.toBeNull();
    dropServerCard();
    expect(document.getElementById(SERVER_CARD_ID)).toBeNull();
  });
});
