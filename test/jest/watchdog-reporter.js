// A test file can only outrun Jest's own timeouts when its worker's event loop is blocked or the
// worker is stopped; then the run would sit until CI kills it, with no word of which file. This
// reporter runs in Jest's parent process: a file running longer than TEST_FILE_WATCHDOG_MS (default
// 20 min; the slowest takes about 2) is named, with the process tree, and the run ends failed.
const { execFileSync } = require('node:child_process');
const { relative } = require('node:path');

class WatchdogReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir;
    this.limitMs = Number(process.env.TEST_FILE_WATCHDOG_MS || 20 * 60_000);
    this.running = new Map();
    this.timer = null;
  }

  onTestFileStart(test) {
    this.running.set(test.path, Date.now());
    if (!this.timer) {
      this.timer = setInterval(() => this.check(), Math.min(30_000, this.limitMs / 2));
      this.timer.unref();
    }
  }

  onTestFileResult(test) {
    this.running.delete(test.path);
  }

  onRunComplete() {
    clearInterval(this.timer);
  }

  check() {
    const stuck = [...this.running].filter(([, since]) => Date.now() - since > this.limitMs);
    if (!stuck.length) return;
    const lines = stuck.map(
      ([path, since]) =>
        `watchdog: ${relative(this.root, path)} has run for ${Math.round((Date.now() - since) / 60_000)} min, past TEST_FILE_WATCHDOG_MS`,
    );
    let tree;
    try {
      const ps = execFileSync('ps', ['-eo', 'pid,ppid,stat,etime,pcpu,rss,args', '--forest'], {
        encoding: 'utf8',
        timeout: 5000,
      });
      // kernel threads ([kworker/0:1] and the like) say nothing about the run
      tree = ps
        .split('\n')
        .filter((l) => !/^\s*\d+\s+[02]\s.*\[[^\]]+\]\s*$/.test(l) && !/\\_ \[[^\]]+\]\s*$/.test(l))
        .join('\n');
    } catch (e) {
      tree = `ps failed: ${e.message}`;
    }
    process.stderr.write(`\n${lines.join('\n')}\n${tree}\ntests: run stopped by the watchdog\n`);
    process.exit(1);
  }
}

module.exports = WatchdogReporter;
