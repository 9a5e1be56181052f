import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Each table has one home: a module's own code is the only code that reads or writes its
 * tables, and raw SQL lives in repositories. A service that needs another module's data asks that
 * module; these checks keep it so as the code grows.
 */
const modulesDir = path.join(__dirname, 'modules');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Entity class name → the module that declares it. */
const homes = new Map<string, string>();
for (const file of sources(modulesDir).filter((f) => f.endsWith('.entity.ts'))) {
  const module = path.relative(modulesDir, file).split(path.sep)[0]!;
  for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/export class (\w+Entity)\b/g)) {
    homes.set(name!, module);
  }
}

const code = sources(modulesDir)
  .filter((f) => !f.endsWith('.entity.ts'))
  .map((file) => ({
    file: path.relative(__dirname, file),
    module: path.relative(modulesDir, file).split(path.sep)[0]!,
    text: fs.readFileSync(file, 'utf8'),
  }));

describe('each table has one home', () => {
  it('knows the entities', () => {
    expect(homes.get('RequestEntity')).toBe('request');
    expect(homes.get('RatingEntity')).toBe('rating');
    expect(homes.size).toBeGreaterThanOrEqual(10);
  });

  it.each(code.map((c) => [c.file, c] as const))(
    '%s touches only its own module’s tables',
    (_file, c) => {
      const touched = [
        ...c.text.matchAll(
          /(?:getRepository|InjectRepository|forFeature)\(\s*\[?([\w\s,]+)\]?\s*\)/g,
        ),
      ].flatMap(([, names]) =>
        names!
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
      );
      const foreign = touched.filter((name) => homes.has(name) && homes.get(name) !== c.module);
      expect(foreign).toEqual([]);
    },
  );

  it('raw SQL appears only in repositories', () => {
    const raw = code
      .filter((c) => /\.query\(/.test(c.text))
      .map((c) => c.file)
      .filter((file) => !file.endsWith('.repository.ts') && !file.endsWith('health.service.ts'));
    expect(raw).toEqual([]);
  });

  /**
   * Read-only views that may join another module's tables, each for a hot path the modules'
   * own methods cannot serve in one round trip. Keep this list short.
   */
  const READ_VIEWS: Record<string, string[]> = {
    // the public card page, the scan every resident makes, and the submission through it (with
    // the cadre's account name its answer shows) (issue 11)
    [path.join('modules', 'card', 'card-view.repository.ts')]: [
      'cadre',
      'org_unit',
      'user_account',
    ],
  };

  it('the read views only read', () => {
    for (const file of Object.keys(READ_VIEWS)) {
      const text = code.find((c) => c.file === file)?.text ?? '';
      expect([file, /\b(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(text)]).toEqual([file, false]);
    }
  });

  it('no SQL string names another module’s table', () => {
    const tables = new Map<string, string>();
    for (const file of sources(modulesDir).filter((f) => f.endsWith('.entity.ts'))) {
      const module = path.relative(modulesDir, file).split(path.sep)[0]!;
      for (const [, table] of fs.readFileSync(file, 'utf8').matchAll(/@Entity\('(\w+)'\)/g)) {
        tables.set(table!, module);
      }
    }
    const offenders: string[] = [];
    for (const c of code) {
      for (const [, table] of c.text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+(\w+)/g)) {
        const home = tables.get(table!);
        const allowed = READ_VIEWS[c.file]?.includes(table!) ?? false;
        if (home && home !== c.module && !allowed) offenders.push(`${c.file}: ${table}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('start-up', () => {
  // Spreadsheets, PDFs, image decoding, audio parsing and the ASR SDK are ~70 MB that a process
  // answering scans never needs.
  it('loads the heavy libraries on first use, through common/heavy-libraries.ts only', () => {
    const eager = sources(path.join(__dirname))
      .filter((f) => !f.endsWith('heavy-libraries.ts'))
      .filter((f) =>
        /^import (?!type )[^;]*from '(exceljs|pdfkit|sharp|music-metadata|tencentcloud-sdk-nodejs-asr)';/m.test(
          fs.readFileSync(f, 'utf8'),
        ),
      )
      .map((f) => path.relative(__dirname, f));
    expect(eager).toEqual([]);
  });
});
