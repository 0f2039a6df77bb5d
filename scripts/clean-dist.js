// Removes dist/ before a build so deleted sources never linger in the published package.
const fs = require('fs');
fs.rmSync('dist', { recursive: true, force: true });
