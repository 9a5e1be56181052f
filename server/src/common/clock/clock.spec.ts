import { ControllableClock, SystemClock } from './clock';

describe('the clocks', () => {
  it('the system clock reads the system time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('a controllable clock runs on from wherever it was set, at the system pace', () => {
    let system = 1_000_000;
    const clock = new ControllableClock(() => system);
    expect(clock.now().getTime()).toBe(1_000_000);
    clock.set(new Date('2035-01-08T01:00:00Z'));
    expect(clock.now().toISOString()).toBe('2035-01-08T01:00:00.000Z');
    system += 1500;
    expect(clock.now().toISOString()).toBe('2035-01-08T01:00:01.500Z');
    clock.advance(3600_000);
    expect(clock.now().toISOString()).toBe('2035-01-08T02:00:01.500Z');
  });

  it('only moves forward by advance', () => {
    const clock = new ControllableClock(() => 0);
    expect(() => clock.advance(-1)).toThrow(/only moves forward/);
    expect(() => clock.advance(Number.NaN)).toThrow(/only moves forward/);
  });
});
