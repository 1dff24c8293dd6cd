import { addDays, type ServiceRules } from "@layan/core";
import type { Random } from "./prng";

interface Disruption {
  from: string;
  to: string;
  stepId: string;
}

/**
 * How long the SOP steps really take in this office: each service has one
 * step that runs systematically slow (the bottleneck the reports should find)
 * while the others beat their target, and now and then one step runs far
 * slower for a few days (a broken KTP-el printer, the OSS system down, a
 * trainee at the desk).
 */
export class ServiceTimes {
  private readonly stepBias = new Map<string, Map<string, number>>();
  private readonly disruptions = new Map<string, Disruption[]>();

  constructor(
    services: readonly ServiceRules[],
    startDay: string,
    days: number,
    rng: Random,
    private readonly factor = 1,
  ) {
    for (const s of services) {
      const bias = new Map<string, number>();
      const slow = s.targets.steps.length > 0 ? rng.int(0, s.targets.steps.length - 1) : -1;
      s.targets.steps.forEach((step, i) => bias.set(step.id, i === slow ? 1.1 : rng.between(0.5, 0.7)));
      this.stepBias.set(s.id, bias);
    }
    for (let day = startDay, n = 0; n < days; n += 7, day = addDays(day, 7)) {
      for (const s of services) {
        if (s.targets.steps.length === 0 || !rng.chance(0.06)) continue;
        const from = addDays(day, rng.int(0, 6));
        const list = this.disruptions.get(s.id) ?? [];
        list.push({ from, to: addDays(from, rng.int(2, 8)), stepId: rng.pick(s.targets.steps).id });
        this.disruptions.set(s.id, list);
      }
    }
  }

  /** A step's usual time as a share of its SOP target (the office's speed included). */
  bias(serviceId: string, stepId: string): number {
    return (this.stepBias.get(serviceId)?.get(stepId) ?? 1) * this.factor;
  }

  /** How much slower a step runs on `day` because of a disruption (1 when there is none). */
  slowdown(serviceId: string, day: string, stepId: string): number {
    return this.disruptions.get(serviceId)?.some((d) => d.stepId === stepId && day >= d.from && day <= d.to)
      ? 1.8
      : 1;
  }

  /** Mean minutes a service takes at the desk with average officers (steps plus call and wrap-up). */
  meanMinutes(service: ServiceRules): number {
    const steps = service.targets.steps;
    const base =
      steps.length > 0
        ? steps.reduce((sum, s) => sum + s.minutes * this.bias(service.id, s.id), 0)
        : service.targets.serviceMinutes * 0.8 * this.factor;
    // The log-normal's mean is median * exp(sigma^2 / 2).
    return base * Math.exp(0.3 ** 2 / 2) + 2;
  }
}
