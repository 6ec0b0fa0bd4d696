// @ts-check
import { spawn, spawnSync } from 'node:child_process';

/**
 * `npm start` opens a real browser window. Without a display it says what to do in one line, or,
 * where Xvfb is installed, starts a virtual display (to watch it through a VNC server, say).
 * @returns {Promise<import('node:child_process').ChildProcess | undefined>} the Xvfb it started, to stop at the end
 */
export async function ensureDisplay() {
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  if (spawnSync('which', ['Xvfb']).status !== 0) {
    console.error('npm start needs a display: run it in a desktop session, or `xvfb-run -a npm start`, or `HEADLESS=1 npm start` for a check without a window.');
    process.exit(1);
  }
  const display = ':99';
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1366x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (xvfb.exitCode !== null) {
    console.error(`npm start needs a display, and Xvfb could not start one on ${display}: run it in a desktop session, or \`HEADLESS=1 npm start\`.`);
    process.exit(1);
  }
  process.env.DISPLAY = display;
  console.log(`No display: started a virtual one (Xvfb ${display}); point a VNC server at it to watch.`);
  return xvfb;
}
