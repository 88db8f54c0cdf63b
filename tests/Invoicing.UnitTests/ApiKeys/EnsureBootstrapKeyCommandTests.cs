using Invoicing.Application.ApiKeys.EnsureBootstrapKey;
using Invoicing.Domain.Common;

namespace Invoicing.UnitTests.ApiKeys;

public sealed class EnsureBootstrapKeyCommandTests
{
    [Fact]
    public void Its_text_form_never_shows_the_key()
    {
        var command = new EnsureBootstrapKeyCommand("sk_test_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56", ApiEnvironment.Test, "partner-ci");

        command.ToString().ShouldBe("EnsureBootstrapKeyCommand { Environment = Test, Name = partner-ci }");
    }
}
