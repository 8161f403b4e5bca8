const Sequencer = require("@jest/test-sequencer").default;

/**
 * The suites that start a browser, processes of their own or a fresh embedded cluster take 30 to 110 s
 * each under `npm test`'s two workers; the rest mostly under 15. Jest starts the slowest first when
 * its cache holds last run's times, but a clean clone (CI) has none, and jest then orders by file size,
 * which put the fleet, a fault suite or the template suite last, with one worker finishing alone for
 * up to a minute. These start first whatever the cache says, in jest's own order among them.
 */
const LONG_SUITES = [/\.browser\.test\.ts$/, /\/test\/fleet\.test\.ts$/, /\/test\/fault\/[^/]+\.test\.ts$/, /\/pgliteTemplate\.test\.ts$/, /\/agencyScaffold\.test\.ts$/, /\/e2e\/audit\.e2e\.test\.ts$/];

const isLong = (test) => LONG_SUITES.some((pattern) => pattern.test(test.path.split("\\").join("/")));

class LongSuitesFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    return [...sorted.filter(isLong), ...sorted.filter((test) => !isLong(test))];
  }
}

module.exports = LongSuitesFirst;
