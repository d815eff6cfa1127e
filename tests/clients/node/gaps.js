'use strict';
// Per-check known gaps for this client. knownGap() runs the check and requires it to fail with
// an error matching `error` (the server answer observed when the gap was recorded): a check that
// now passes fails the run (remove its gap), and a check failing another way fails as usual.
// MALLARD_IGNORE_GAPS=1 runs them as ordinary checks, to see the raw errors.
const { test } = require('node:test');

function knownGap(name, { reason, error }, fn) {
  if (process.env.MALLARD_IGNORE_GAPS) {
    test(name, fn);
    return;
  }
  test(`${name} [known gap]`, async (t) => {
    let failure;
    try {
      await fn();
    } catch (e) {
      failure = e;
    }
    if (!failure) throw new Error(`XPASS: "${name}" works now; remove its known gap (${reason})`);
    if (!error.test(String(failure.message))) throw failure;
    t.diagnostic(`known gap: ${reason}`);
  });
}

module.exports = { knownGap };
