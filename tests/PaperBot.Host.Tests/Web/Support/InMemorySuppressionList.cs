using System.Collections.Concurrent;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Host.Tests.Web.Support;

public sealed class InMemorySuppressionList : ISuppressionList
{
    private readonly ConcurrentDictionary<string, Suppression> _byAddress = new(StringComparer.OrdinalIgnoreCase);

    public Suppression? Find(string address) => _byAddress.GetValueOrDefault(address);

    public void Add(Suppression suppression) => _byAddress[suppression.Address] = suppression;

    public bool Remove(string address) => _byAddress.TryRemove(address, out _);
}
