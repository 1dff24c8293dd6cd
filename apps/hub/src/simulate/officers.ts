import type { Random } from "./prng";

/** A simulated officer (petugas): who they are and how they work. */
export interface Officer {
  id: string;
  displayName: string;
  username: string;
  agencyId: string;
  /** Multiplies every step time: < 1 is quicker. */
  speed: number;
  /** Chance that the officer ticks the SOP steps of a ticket. */
  tickRate: number;
  /** Typical minutes late when opening. */
  lateness: number;
}

const FIRST_NAMES = [
  "Rina",
  "Agus",
  "Dewi",
  "Budi",
  "Siti",
  "Hendra",
  "Yuli",
  "Andi",
  "Ratna",
  "Eko",
  "Nur",
  "Fajar",
  "Lestari",
  "Joko",
  "Wulan",
  "Rudi",
  "Putri",
  "Dedi",
  "Indah",
  "Taufik",
  "Sri",
  "Bayu",
  "Maya",
  "Arif",
  "Intan",
  "Rizky",
  "Ayu",
  "Hadi",
  "Fitri",
  "Wahyu",
  "Nining",
  "Iwan",
  "Lina",
  "Dodi",
  "Sari",
  "Yusuf",
  "Mega",
  "Irfan",
  "Tari",
  "Ahmad",
];
const LAST_NAMES = [
  "Marlina",
  "Saputra",
  "Lestari",
  "Santoso",
  "Rahmawati",
  "Gunawan",
  "Hartati",
  "Wijaya",
  "Kusuma",
  "Pratama",
  "Handayani",
  "Setiawan",
  "Nugroho",
  "Permata",
  "Hidayat",
  "Siregar",
  "Nasution",
  "Harahap",
  "Sembiring",
  "Simanjuntak",
  "Situmorang",
  "Rangkuti",
  "Susanti",
  "Purnama",
  "Fauzi",
  "Ramadhan",
  "Anggraini",
  "Utami",
  "Maharani",
  "Sulistyo",
];

/** Everyone the simulated office employs; names are unique so the dashboard's officer filter reads well. */
export class Officers {
  readonly all: Officer[] = [];
  private readonly usedNames = new Set<string>();

  constructor(private readonly rng: Random) {}

  hire(agencyId: string): Officer {
    const rng = this.rng;
    const { displayName, username } = this.uniqueName();
    this.usedNames.add(username);
    const habit = rng.next();
    const o: Officer = {
      id: `sim-${rng.id()}`,
      displayName,
      username: `sim.${username}`,
      agencyId,
      speed: Math.min(1.45, Math.max(0.75, rng.logNormal(1, 0.14))),
      tickRate: habit < 0.7 ? 0.97 : habit < 0.9 ? 0.6 : 0,
      lateness: rng.chance(0.15) ? rng.between(8, 20) : rng.between(0, 4),
    };
    this.all.push(o);
    return o;
  }

  private uniqueName(): { displayName: string; username: string } {
    for (let attempt = 0; ; attempt++) {
      const displayName = `${this.rng.pick(FIRST_NAMES)} ${this.rng.pick(LAST_NAMES)}`;
      const username = displayName.toLowerCase().replace(" ", ".") + (attempt > 20 ? `.${attempt}` : "");
      if (!this.usedNames.has(username)) return { displayName, username };
    }
  }
}
