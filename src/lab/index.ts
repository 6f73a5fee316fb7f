// The lab's public surface: fleets of loopback sshd hosts, failure fixtures, and `lab up` / `lab down`.
export { startFleet, type StartFleetOptions, type StopResult } from './fleet.js';
export { startFailureFixtures, type FailureFixture, type FailureFixtures, type FailureKind } from './fixtures.js';
export { labDown, labUp, type LabUpOptions, type LabUpResult } from './lab-up.js';
export type { Lab, LabHost, LabHostSpec, SubsystemMode } from './start-lab.js';
