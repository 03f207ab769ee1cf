#!/usr/bin/env python3
"""check_workflows.py — the GitHub workflows in .github/workflows/, checked
as far as a machine without GitHub can: every file parses as YAML and has a
name, triggers and jobs; every step either runs a command or uses one of
the actions named below; every command is `apt-get ...` (the container's
set-up) or `make TARGET...` with targets this Makefile has (`make -n`);
the ClusterFuzzLite steps build the language .clusterfuzzlite/project.yaml
names, with the build script that `make oss-fuzz-build` runs here.

Prints one line per check and `N passed, M failed`; exits 1 on a failure.
"""

import glob
import os
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACTIONS = {
    'actions/checkout@v4',
    'actions/upload-artifact@v4',
    'google/clusterfuzzlite/actions/build_fuzzers@v1',
    'google/clusterfuzzlite/actions/run_fuzzers@v1',
}

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL ' + what)


def make_targets_exist(targets):
    r = subprocess.run(['make', '-n', '-C', ROOT] + targets, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    return r.returncode == 0, r.stderr.strip()


def check_command(path, cmd):
    for part in cmd.split('&&'):
        words = part.split()
        if not words:
            check(False, '%s: empty command in %r' % (path, cmd))
        elif words[0] == 'apt-get':
            check(True, '')
        elif words[0] == 'make':
            targets = [w for w in words[1:] if not w.startswith('-') and '=' not in w]
            ok, err = make_targets_exist(targets or ['all'])
            check(ok, '%s: make %s: %s' % (path, ' '.join(targets), err))
        else:
            check(False, '%s: %r is neither apt-get nor a make target' % (path, part.strip()))


def main():
    project = yaml.safe_load(open(os.path.join(ROOT, '.clusterfuzzlite', 'project.yaml')))
    check(os.access(os.path.join(ROOT, '.clusterfuzzlite', 'build.sh'), os.X_OK),
          '.clusterfuzzlite/build.sh is not an executable script')
    files = sorted(glob.glob(os.path.join(ROOT, '.github', 'workflows', '*.yml')))
    check(len(files) >= 3, 'fewer than three workflows (CI, PR fuzzing, batch fuzzing)')
    modes = set()
    for path in files:
        name = os.path.relpath(path, ROOT)
        doc = yaml.safe_load(open(path))
        # YAML 1.1 reads the key `on` as true.
        triggers = doc.get('on', doc.get(True))
        check(isinstance(doc.get('name'), str) and triggers and isinstance(doc.get('jobs'), dict),
              '%s: name, on and jobs' % name)
        for job_name, job in doc['jobs'].items():
            steps = job.get('steps', [])
            check(len(steps) > 0, '%s: job %s has no steps' % (name, job_name))
            for step in steps:
                if 'run' in step:
                    check_command(name, step['run'])
                else:
                    uses = step.get('uses')
                    check(uses in ACTIONS, '%s: unexpected action %r' % (name, uses))
                    args = step.get('with', {})
                    if uses and uses.endswith('/build_fuzzers@v1'):
                        check(args.get('language') == project['language'],
                              '%s: builds %r, project.yaml says %r' % (name, args.get('language'),
                                                                       project['language']))
                    if uses and uses.endswith('/run_fuzzers@v1'):
                        modes.add(args.get('mode'))
                        check(int(args.get('fuzz-seconds', 0)) > 0, '%s: fuzz-seconds' % name)
    check({'code-change', 'batch'} <= modes, 'ClusterFuzzLite modes: %s' % sorted(modes))
    print('%d passed, %d failed' % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
