namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// A seeded <see cref="Random"/> with the helpers the generator needs. Every customer, guest and
/// catalogue gets its own stream derived from the dataset seed, the stream's name and its index, so
/// adding a table or a customer never shifts the random numbers of the others.
/// </summary>
internal sealed class SampleRandom
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private readonly Random _random;

    public SampleRandom(int seed, string stream, int index) => _random = new Random(DeriveSeed(seed, stream, index));

    /// <summary>The stream of one object, keyed by its id: independent of how many other objects there are and of their order.</summary>
    public static SampleRandom ForKey(int seed, string stream, string key)
    {
        var hash = 2166136261u;
        foreach (var ch in key)
            hash = (hash ^ ch) * 16777619u;
        return new SampleRandom(seed, stream, (int)(hash & 0x7FFFFFFF));
    }

    /// <summary>FNV-1a over the seed, the stream name and the index: stable across runs, processes and platforms.</summary>
    internal static int DeriveSeed(int seed, string stream, int index)
    {
        const ulong prime = 1099511628211UL;
        var hash = 14695981039346656037UL;
        void Add(int value)
        {
            for (var shift = 0; shift < 32; shift += 8)
                hash = (hash ^ (byte)(value >> shift)) * prime;
        }
        Add(seed);
        foreach (var ch in stream)
            Add(ch);
        Add(index);
        return (int)((hash ^ (hash >> 32)) & 0x7FFFFFFF);
    }

    /// <summary>An integer in [min, max], both inclusive.</summary>
    public int Between(int min, int max) => _random.Next(min, max + 1);

    public long Between(long min, long max) => _random.NextInt64(min, max + 1);

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public T Weighted<T>(params ReadOnlySpan<(T Item, int Weight)> choices)
    {
        var total = 0;
        foreach (var choice in choices)
            total += choice.Weight;
        var roll = _random.Next(total);
        foreach (var choice in choices)
        {
            if (roll < choice.Weight)
                return choice.Item;
            roll -= choice.Weight;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A Stripe-like id: the prefix and <paramref name="length"/> base-62 characters.</summary>
    public string Id(string prefix, int length = 24)
    {
        return string.Create(prefix.Length + length, (Prefix: prefix, Self: this), static (span, state) =>
        {
            state.Prefix.AsSpan().CopyTo(span);
            for (var i = state.Prefix.Length; i < span.Length; i++)
                span[i] = Base62[state.Self._random.Next(Base62.Length)];
        });
    }

    /// <summary>A random (version 4) UUID in its usual lower-case text form.</summary>
    public string Uuid()
    {
        const string hex = "0123456789abcdef";
        return string.Create(36, this, static (span, self) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i switch
                {
                    8 or 13 or 18 or 23 => '-',
                    14 => '4',
                    19 => hex[8 + self._random.Next(4)],
                    _ => hex[self._random.Next(16)],
                };
            }
        });
    }

    public string Digits(int count)
    {
        return string.Create(count, this, static (span, self) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = (char)('0' + self._random.Next(10));
        });
    }

    public string UpperAlphanumeric(int count)
    {
        return string.Create(count, this, static (span, self) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = Base62[self._random.Next(36)];
        });
    }

    /// <summary>A whole-second UTC time in [from, to).</summary>
    public DateTime Time(DateTime from, DateTime to)
    {
        var seconds = (long)(to - from).TotalSeconds;
        if (seconds <= 0)
            return from;
        return from.AddSeconds(_random.NextInt64(seconds));
    }

    /// <summary>A duration in [min, max) with whole seconds.</summary>
    public TimeSpan Duration(TimeSpan min, TimeSpan max) =>
        TimeSpan.FromSeconds(min.TotalSeconds + _random.NextInt64((long)Math.Max(1, (max - min).TotalSeconds)));
}
