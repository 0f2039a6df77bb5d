// Copies node and credential icons next to the compiled code: tsc only emits .js.
const path = require('path');
const { task, src, dest } = require('gulp');

function copyIcons() {
	const nodeIcons = src('nodes/**/*.{png,svg}', { encoding: false }).pipe(dest(path.resolve('dist', 'nodes')));
	const credentialIcons = src('credentials/**/*.{png,svg}', { encoding: false, allowEmpty: true });
	return credentialIcons.pipe(dest(path.resolve('dist', 'credentials')));
}

task('build:icons', copyIcons);
