namespace SocialDomain.Core.Calculations;

/// <summary>Why a calculation did or did not produce a value.</summary>
public enum Outcome
{
    /// <summary>A value was calculated.</summary>
    Ok,

    /// <summary>Not enough data points (for example fewer than two for a trend).</summary>
    InsufficientData,

    /// <summary>The calculation has no meaning for this data (for example a percentage of zero, or a sign change).</summary>
    NotApplicable,
}

/// <summary>
/// The result of a calculation that can legitimately fail on normal data. Never throws for a data
/// problem: the <see cref="Outcome"/> says what happened and <see cref="Reason"/> says why, in Dutch,
/// ready to show to a user.
/// </summary>
/// <typeparam name="T">Type of the value.</typeparam>
public readonly struct Result<T> : IEquatable<Result<T>>
{
    private readonly T _value;

    private Result(Outcome outcome, T value, string? reason)
    {
        Outcome = outcome;
        _value = value;
        Reason = reason;
    }

    public Outcome Outcome { get; }

    /// <summary>Dutch explanation when there is no value; null when <see cref="IsOk"/>.</summary>
    public string? Reason { get; }

    public bool IsOk => Outcome == Outcome.Ok;

    /// <summary>The value. Reading it when there is none is a programming error and throws.</summary>
    public T Value => IsOk
        ? _value
        : throw new InvalidOperationException($"Result has no value ({Outcome}: {Reason}).");

    /// <summary>The value, or the default of <typeparamref name="T"/> when there is none.</summary>
    public T? ValueOrDefault => IsOk ? _value : default;

    public static Result<T> Ok(T value) => new(Outcome.Ok, value, null);

    public static Result<T> InsufficientData(string reason) => new(Outcome.InsufficientData, default!, reason);

    public static Result<T> NotApplicable(string reason) => new(Outcome.NotApplicable, default!, reason);

    public bool TryGetValue(out T value)
    {
        value = _value;
        return IsOk;
    }

    /// <summary>Applies <paramref name="map"/> to the value; passes a missing value (and its reason) through.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Outcome switch
        {
            Outcome.Ok => Result<TOut>.Ok(map(_value)),
            Outcome.InsufficientData => Result<TOut>.InsufficientData(Reason!),
            _ => Result<TOut>.NotApplicable(Reason!),
        };
    }

    /// <summary>Continues with <paramref name="next"/> when there is a value; passes a missing value (and its reason) through.</summary>
    public Result<TOut> Bind<TOut>(Func<T, Result<TOut>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Outcome switch
        {
            Outcome.Ok => next(_value),
            Outcome.InsufficientData => Result<TOut>.InsufficientData(Reason!),
            _ => Result<TOut>.NotApplicable(Reason!),
        };
    }

    public bool Equals(Result<T> other) =>
        Outcome == other.Outcome
        && EqualityComparer<T>.Default.Equals(_value, other._value)
        && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Outcome, _value, Reason);

    public override string ToString() => IsOk ? $"Ok({_value})" : $"{Outcome}: {Reason}";

    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);
}
