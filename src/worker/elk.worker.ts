/**
 * The layout worker: ELK's own worker script, which answers ELK's message protocol (`elk-api.js` on
 * the page side) when it finds itself in a worker. Layered layout of a large graph can take a while;
 * here it never blocks the page.
 */
import 'elkjs/lib/elk-worker.min.js';
