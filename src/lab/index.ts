// The lab's public surface: fleets of loopback sshd hosts, failure fixtures, and `lab up` / `lab down`.
export { fleetAddress, startFleet, stopFleetDir, type StartFleetOptions, type StopResult } from './fleet.js';
export { FAILURE_KINDS, SSH_SAYS, startFailureFixtures, type FailureFixture, type FailureFixtures, type FailureKind } from './fixtures.js';
export { labDown, labUp, SHIPPED_STATES_DIR, type LabUpOptions, type LabUpResult } from './lab-up.js';
export { LabError } from './lab-error.js';
export { startLab, type Lab, type LabHost, type LabHostSpec, type SubsystemMode } from './start-lab.js';
