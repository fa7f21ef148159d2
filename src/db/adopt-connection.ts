/**
 * An IndexedDB factory for Dexie whose first open of `connection`'s database takes that connection, opened
 * before Dexie had loaded (early-connection.ts), when it has the version Dexie asks for; otherwise (none, or
 * a version Dexie must upgrade) it closes it and opens as usual. Every other call goes to `factory`.
 */
export function adoptConnection(connection: Promise<IDBDatabase | null>, factory: IDBFactory = indexedDB): IDBFactory {
  let unclaimed: Promise<IDBDatabase | null> | null = connection;
  return {
    open(name, version) {
      const early = unclaimed;
      unclaimed = null;
      return early ? (new HandedOverOpen(early, () => factory.open(name, version), name, version) as unknown as IDBOpenDBRequest) : factory.open(name, version);
    },
    deleteDatabase: (name) => factory.deleteDatabase(name),
    databases: () => factory.databases(),
    cmp: (first, second) => factory.cmp(first, second),
  };
}

type Handler = ((event: Event) => void) | null;

/**
 * What Dexie reads of an open request (dexieOpen in its source: the four handlers, `result`, `error`, `transaction`),
 * answered by the early connection, or by a request of the factory's made once the early one proved unfit.
 */
class HandedOverOpen {
  onsuccess: Handler = null;
  onerror: Handler = null;
  onupgradeneeded: Handler = null;
  onblocked: Handler = null;
  private adopted: IDBDatabase | null = null;
  private request: IDBOpenDBRequest | null = null;

  constructor(early: Promise<IDBDatabase | null>, open: () => IDBOpenDBRequest, name: string, version?: number) {
    // Dexie sets the handlers as soon as open() returns: they are in place when this settles.
    void early.then((connection) => {
      if (connection?.name === name && (version === undefined || connection.version === version)) {
        this.adopted = connection;
        this.onsuccess?.(new Event('success'));
        return;
      }
      connection?.close();
      const request = (this.request = open());
      for (const type of ['success', 'error', 'upgradeneeded', 'blocked'] as const) request.addEventListener(type, (event) => this[`on${type}`]?.(event));
    });
  }

  get result(): IDBDatabase {
    return this.adopted ?? this.request!.result;
  }

  get error(): DOMException | null {
    return this.request?.error ?? null;
  }

  get transaction(): IDBTransaction | null {
    return this.request?.transaction ?? null;
  }
}
