"""The page cache's stores: Django's per-process memory cache, bounded by bytes as well as by
entries, so that no runner's pages (however long what they wrote) can grow a web process
without bound (the least recently used entries go first; a page bigger than the whole budget
is not kept at all), and behind it Django's file cache, shared by the web processes of a
machine, bounded by bytes on disk as well."""

import contextlib
import os

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache

# Per cache name, shared by the instances of every thread (as LocMemCache's own stores are).
_sizes: dict[str, dict[str, int]] = {}


class BoundedMemoryCache(LocMemCache):
    """``LocMemCache`` with ``OPTIONS["MAX_BYTES"]``: the most bytes of pickled values kept."""

    def __init__(self, name, params):
        super().__init__(name, params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options.get("MAX_BYTES", 64 * 1024 * 1024))
        self._sizes = _sizes.setdefault(name, {})

    @property
    def total_bytes(self) -> int:
        return sum(self._sizes.values())

    def _set(self, key, value, timeout=None):
        self._delete(key)
        if len(value) > self.max_bytes:
            return  # never kept: it would push out everything else
        used = sum(self._sizes.values())
        while self._cache and (
            used + len(value) > self.max_bytes or len(self._cache) >= self._max_entries
        ):
            used -= self._evict_oldest()
        super()._set(key, value, timeout)
        self._sizes[key] = len(value)

    def _evict_oldest(self) -> int:
        old, _ = self._cache.popitem()  # the least recently used is last
        self._expire_info.pop(old, None)
        return self._sizes.pop(old, 0)

    def _cull(self):
        super()._cull()
        for key in [k for k in self._sizes if k not in self._cache]:
            del self._sizes[key]

    def _delete(self, key):
        self._sizes.pop(key, None)
        return super()._delete(key)

    def incr(self, key, delta=1, version=None):
        value = super().incr(key, delta, version)
        with self._lock:
            name = self.make_and_validate_key(key, version=version)
            if name in self._cache:
                self._sizes[name] = len(self._cache[name])
        return value

    def clear(self):
        with self._lock:
            self._sizes.clear()
        super().clear()


class BoundedFileCache(FileBasedCache):
    """``FileBasedCache`` with ``OPTIONS["MAX_BYTES"]``: the files the web processes share are
    bounded by their bytes on disk as well as by their number, the oldest going first."""

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self.max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", 256 * 1024 * 1024))

    def _cull(self):
        """One look at the folder, oldest first: a third of the files once there are
        MAX_ENTRIES (as Django's culls, at random there), then as many as the bytes need."""
        files = sorted(self._stats())
        total = sum(size for _, size, _ in files)
        full = len(files) >= self._max_entries
        third = len(files) // (self._cull_frequency or 1) if full else 0  # 0: empty it
        for n, (_, size, path) in enumerate(files):
            if n >= third and total <= self.max_bytes:
                break
            self._delete(path)
            total -= size

    def _stats(self):
        """(modified, size, path) of each cached file; one another process removes is gone."""
        with contextlib.suppress(FileNotFoundError), os.scandir(self._dir) as entries:
            for entry in entries:
                with contextlib.suppress(FileNotFoundError):
                    if entry.name.endswith(self.cache_suffix):
                        stat = entry.stat()
                        yield stat.st_mtime, stat.st_size, entry.path
