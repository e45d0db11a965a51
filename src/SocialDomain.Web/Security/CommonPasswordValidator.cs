using Microsoft.AspNetCore.Identity;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Security;

/// <summary>
/// ASVS 2.1.7 / NIST 800-63B: refuses passwords that are on a list of common and breached passwords, that are such a
/// password with only digits or punctuation around it ("Welkom2024!"), that repeat a short or listed part
/// ("aaaaaaaaaaaa", "dragondragon"), or that contain the user name. The list is <c>common-passwords.txt</c> (10.000
/// most used, from the zxcvbn package; source and licence in common-passwords.LICENSE.txt). Messages are Dutch.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string ContainsUserNameCode = "PasswordContainsUserName";

    /// <summary>User names shorter than this are not searched for inside a password.</summary>
    private const int MinimumUserNameLength = 3;

    /// <summary>A repeated part this short makes a password a repetition ("abcabcabcabc").</summary>
    private const int ShortRepeatedPart = 3;

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int ListSize => List.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var problem = Check(user.UserName, password ?? string.Empty);
        return Task.FromResult(problem is null ? IdentityResult.Success : IdentityResult.Failed(problem));
    }

    /// <summary>Pure: the Dutch problem with <paramref name="password"/>, or null when it passes these checks.</summary>
    public static IdentityError? Check(string? userName, string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (userName is { Length: >= MinimumUserNameLength } && lower.Contains(userName.Trim().ToLowerInvariant(), StringComparison.Ordinal))
        {
            return new IdentityError { Code = ContainsUserNameCode, Description = "Het wachtwoord mag de gebruikersnaam niet bevatten." };
        }

        return IsCommon(lower)
            ? new IdentityError
            {
                Code = CommonCode,
                Description = "Dit wachtwoord is te voorspelbaar: het staat (eventueel met cijfers of leestekens ervoor of erachter, of herhaald) "
                    + "op de lijst van veelgebruikte en uitgelekte wachtwoorden. Kies bijvoorbeeld een zin van een paar woorden.",
            }
            : null;
    }

    private static bool IsCommon(string lower)
    {
        var list = List.Value;
        var core = lower.Trim(SurroundingCharacters);
        if (list.Contains(lower) || (core.Length > 0 && list.Contains(core)))
        {
            return true;
        }

        var part = RepeatedPart(core.Length > 0 ? core : lower);
        return part is not null && (part.Length <= ShortRepeatedPart || list.Contains(part));
    }

    /// <summary>The shortest part that <paramref name="text"/> is two or more copies of, or null.</summary>
    private static string? RepeatedPart(string text)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length == 0 && string.Concat(Enumerable.Repeat(text[..length], text.Length / length)) == text)
            {
                return text[..length];
            }
        }

        return null;
    }

    private static readonly char[] SurroundingCharacters = "0123456789 !?.,;:-_+=*#@$%&/\\'\"()[]{}<>~^|`".ToCharArray();

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("SocialDomain.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt ontbreekt in de assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().ToLowerInvariant() is { Length: > 0 } entry)
            {
                set.Add(entry);
            }
        }

        return set;
    }
}
