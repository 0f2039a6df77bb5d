// n8n-core writes a config file into the user folder when imported: keep that out of $HOME, and give
// every Jest worker its own folder (even when N8N_USER_FOLDER is set) so no two write one file at once.
const fs = require('fs');
const os = require('os');
const path = require('path');
process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-jest-n8n-'));
// The temp config file has default permissions; n8n only needs to be told not to mind.
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
