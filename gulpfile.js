// Copies what tsc does not emit next to the compiled nodes: icons and codex files (*.node.json).
const path = require('path');
const { task, src, dest, parallel } = require('gulp');

const copy = (glob, target) => () => src(glob, { encoding: false, allowEmpty: true }).pipe(dest(path.resolve('dist', target)));

task(
	'build:icons',
	parallel(
		copy('nodes/**/*.{png,svg,node.json}', 'nodes'),
		copy('credentials/**/*.{png,svg}', 'credentials'),
	),
);
