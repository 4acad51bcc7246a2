using PaperBot.Discord.Interactions.Models;

namespace PaperBot.Discord.Gateway;

/// <summary>Takes the interactions the gateway receives. Must return at once: the receive loop waits for nobody.</summary>
public interface IGatewayInteractionSink
{
    void Accept(Interaction interaction);
}
