/** Registers the commands beyond `get` (each module adds itself to the kubectl command table). */
export {};
