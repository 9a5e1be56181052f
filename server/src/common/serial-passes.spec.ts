import { SerialPasses } from './serial-passes';

describe('SerialPasses', () => {
  it('runs passes one after another, and asks made while one waits share it', async () => {
    const log: string[] = [];
    let n = 0;
    let release: () => void = () => {};
    const passes = new SerialPasses(async () => {
      const mine = (n += 1);
      log.push(`start ${mine}`);
      if (mine === 1) await new Promise<void>((r) => (release = r));
      log.push(`end ${mine}`);
      return mine;
    });
    const first = passes.run();
    await Promise.resolve();
    // The first is running: the next two asks share one waiting pass.
    const second = passes.run();
    const third = passes.run();
    expect(second).toBe(third);
    release();
    expect(await Promise.all([first, second, third])).toEqual([1, 2, 2]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    expect(await passes.run()).toBe(3);
  });

  it('goes on after a pass that failed', async () => {
    let fail = true;
    const passes = new SerialPasses(async () => {
      if (fail) throw new Error('database away');
      return 'ok';
    });
    await expect(passes.run()).rejects.toThrow('database away');
    fail = false;
    await expect(passes.run()).resolves.toBe('ok');
  });
});
