import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countScore, totalTimeScore, unitTimeScore } from '../../src/ratings/criteria.ts';
import { allowedPetitionActions, petitionTimeliness, petitionTransition } from '../../src/petitions/rules.ts';

test('Circular 01/2018 art. 13 scores: less 2, equal 1, more 0', () => {
  assert.deepEqual(['early', 'on_time', 'late', null].map((x) => totalTimeScore(x as never)), [2, 1, 0, null]);
  assert.equal(unitTimeScore(['early', 'early']), 2);
  assert.equal(unitTimeScore(['early', 'on_time', null]), 1);
  assert.equal(unitTimeScore(['early', 'late']), 0);
  assert.equal(unitTimeScore([null]), null);
  assert.deepEqual([0, 1, 2, 5].map(countScore), [2, 1, 0, 0]);
});

test('petition transitions and timeliness', () => {
  assert.equal(petitionTransition('received', 'classify'), 'in_progress');
  assert.equal(petitionTransition('received', 'answer'), null);
  assert.equal(petitionTransition('answered', 'publish'), 'answered');
  assert.deepEqual(allowedPetitionActions('answered', true), ['note']);
  assert.equal(petitionTimeliness(10, 20, 30), 'on_time');
  assert.equal(petitionTimeliness(null, 20, 30), 'late');
  assert.equal(petitionTimeliness(null, 20, 10), 'open');
});
