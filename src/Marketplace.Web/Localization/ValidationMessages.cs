using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Localization;

/// <summary>
/// Every validation message from the resources, in the reader's language: attributes written without a message and the
/// implicit "required" MVC adds to non-nullable properties get a resource key, and model binding's own messages ("The
/// value 'x' is not valid for ...") are read from the resources too. Otherwise English leaks into Indonesian forms.
/// </summary>
internal static class ValidationMessages
{
    public static IServiceCollection AddLocalizedValidationMessages(this IServiceCollection services)
    {
        // After every other setup, so the implicit "required" MVC adds for non-nullable properties is already there.
        services.AddOptions<MvcOptions>().PostConfigure<IStringLocalizerFactory>((options, factory) =>
        {
            options.ModelMetadataDetailsProviders.Add(new ResourceKeys());
            var text = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetMissingBindRequiredValueAccessor(field => text["Validation.Required", field]);
            messages.SetMissingKeyOrValueAccessor(() => text["Validation.RequiredNoName"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Validation.RequiredNoName"]);
            messages.SetValueMustNotBeNullAccessor(_ => text["Validation.RequiredNoName"]);
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => text["Validation.ValueInvalid", value, field]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Validation.ValueInvalidNoName", value]);
            messages.SetUnknownValueIsInvalidAccessor(field => text["Validation.UnknownInvalid", field]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Validation.UnknownInvalidNoName"]);
            messages.SetValueIsInvalidAccessor(value => text["Validation.ValueInvalidNoName", value]);
            messages.SetValueMustBeANumberAccessor(field => text["Validation.Number", field]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Validation.NumberNoName"]);
        });
        return services;
    }

    /// <summary>Gives each validation attribute without a message of its own the resource key of its kind.</summary>
    private sealed class ResourceKeys : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceType is null)
                {
                    attribute.ErrorMessage = attribute switch
                    {
                        RequiredAttribute => "Validation.Required",
                        StringLengthAttribute => "Validation.StringLength",
                        MaxLengthAttribute => "Validation.MaxLength",
                        MinLengthAttribute => "Validation.MinLength",
                        RangeAttribute => "Validation.Range",
                        EmailAddressAttribute => "Validation.Email",
                        CompareAttribute => "Validation.Compare",
                        _ => "Validation.Invalid",
                    };
                }
            }
        }
    }
}
