/**
 * Loaded before anything else in `npm run bench`. n8n-core writes its config into the user folder when loaded:
 * keep that out of $HOME, as the tests do. And `nodes/X/X.node` must load X.node.ts, not the codex X.node.json
 * beside it: Jest resolves .ts first, plain Node with ts-node tries .json before .ts, so .ts is moved to the front.
 */
import '../test/setup/n8nUserFolder';

const extensions = require.extensions;
const order = ['.ts', ...Object.keys(extensions).filter((extension) => extension !== '.ts')];
const loaders = Object.fromEntries(order.map((extension) => [extension, extensions[extension]]));
for (const extension of order) delete extensions[extension];
for (const extension of order) extensions[extension] = loaders[extension];
