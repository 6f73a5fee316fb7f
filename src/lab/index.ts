// The lab's public surface: fleets of loopback sshd and fake-winrm hosts, and `lab up` / `lab down`.
export { startFleet, type StartFleetOptions, type StopResult } from './fleet.js';
export { labDown, labUp, type LabUpOptions, type LabUpResult } from './lab-up.js';
export type { Lab, LabHost, LabHostSpec, SubsystemMode } from './start-lab.js';
