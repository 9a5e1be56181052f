import { parseDatabaseUrl, redactDatabaseUrl } from './database-url';

const cwd = '/srv/mqlk/server';

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:./data/mqlk.sqlite', { dialect: 'sqlite', file: '/srv/mqlk/server/data/mqlk.sqlite' }],
    ['sqlite:/var/lib/mqlk/db.sqlite', { dialect: 'sqlite', file: '/var/lib/mqlk/db.sqlite' }],
    ['sqlite::memory:', { dialect: 'sqlite', file: ':memory:' }],
    [
      'mysql://app:p%40ss@db:3307/mqlk',
      { dialect: 'mysql', host: 'db', port: 3307, user: 'app', password: 'p@ss', database: 'mqlk' },
    ],
    [
      'mariadb://app@10.0.0.5/mqlk',
      {
        dialect: 'mariadb',
        host: '10.0.0.5',
        port: 3306,
        user: 'app',
        password: '',
        database: 'mqlk',
      },
    ],
    [
      'mariadb://root@localhost/test?socketPath=/run/mysqld/mysqld.sock',
      {
        dialect: 'mariadb',
        host: 'localhost',
        port: 3306,
        user: 'root',
        password: '',
        database: 'test',
        socketPath: '/run/mysqld/mysqld.sock',
      },
    ],
    [
      'mysql://root@localhost/t?socketPath=%2Frun%2Fmysqld%2Fmysqld.sock',
      expect.objectContaining({ socketPath: '/run/mysqld/mysqld.sock' }),
    ],
  ])('reads %s', (url, expected) => {
    expect(parseDatabaseUrl(url, cwd)).toEqual(expected);
  });

  it.each([
    ['sqlite:', 'sqlite: needs a file, e.g. sqlite:./data/mqlk.sqlite'],
    ['postgres://u@h/db', 'unsupported scheme "postgres:" (use sqlite:, mysql:// or mariadb://)'],
    [
      'mysql://u@h',
      'needs a database name in the path, e.g. mariadb://user:password@host:3306/mqlk',
    ],
    ['mysql://u@h/db?ssl=true', 'unknown parameter(s) ssl (supported: socketPath)'],
    ['not a url', 'must be sqlite:<file>, mysql://… or mariadb://…'],
  ])('refuses %s', (url, message) => {
    expect(parseDatabaseUrl(url, cwd)).toBe(message);
  });
});

describe('redactDatabaseUrl', () => {
  it('hides the password only', () => {
    expect(redactDatabaseUrl('mysql://app:s3cret@db:3306/mqlk')).toBe(
      'mysql://app:***@db:3306/mqlk',
    );
    expect(redactDatabaseUrl('sqlite:./x.sqlite')).toBe('sqlite:./x.sqlite');
  });
});
